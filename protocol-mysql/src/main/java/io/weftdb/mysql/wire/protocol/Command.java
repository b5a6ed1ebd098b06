package io.weftdb.mysql.wire.protocol;

/** The command byte that starts each packet of the command phase. */
public enum Command {
    COM_SLEEP(0x00), COM_QUIT(0x01), COM_INIT_DB(0x02), COM_QUERY(0x03), COM_FIELD_LIST(0x04),
    COM_STATISTICS(0x09), COM_PROCESS_KILL(0x0C), COM_PING(0x0E), COM_CHANGE_USER(0x11),
    COM_STMT_PREPARE(0x16), COM_STMT_EXECUTE(0x17), COM_STMT_SEND_LONG_DATA(0x18), COM_STMT_CLOSE(0x19),
    COM_STMT_RESET(0x1A), COM_SET_OPTION(0x1B), COM_STMT_FETCH(0x1C), COM_RESET_CONNECTION(0x1F);

    private static final Command[] BY_ID = new Command[256];

    static {
        for (Command command : values()) {
            BY_ID[command.id] = command;
        }
    }

    private final int id;

    Command(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The command with this byte, or null for one this server does not know. */
    public static Command of(int id) {
        return BY_ID[id & 0xFF];
    }
}

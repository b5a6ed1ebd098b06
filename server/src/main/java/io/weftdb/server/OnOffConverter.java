package io.weftdb.server;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code on}/{@code off} (also {@code true}/{@code false}) option values, as PostgreSQL settings do. */
final class OnOffConverter implements ITypeConverter<Boolean>, Iterable<String> {

    @Override
    public Boolean convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new TypeConversionException("expected on or off but was '" + value + "'");
        };
    }

    /** The values shown in the usage help. */
    @Override
    public Iterator<String> iterator() {
        return List.of("on", "off").iterator();
    }
}

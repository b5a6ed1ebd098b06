package io.weftdb.compat.slt;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tally of one file (or of several merged): records run, passed, and failures by cause. */
public final class FileReport {
    /** Examples kept per cause; the rest are only counted. */
    static final int EXAMPLES_PER_CAUSE = 3;

    private final String name;
    private long executed;
    private long passed;
    private final Map<FailureCause, Long> failures = new EnumMap<>(FailureCause.class);
    private final Map<FailureCause, List<Failure>> examples = new EnumMap<>(FailureCause.class);
    private final Map<FailureCause, Map<String, Long>> messages = new EnumMap<>(FailureCause.class);

    /** One failed record: where it is, its SQL, and what went wrong. */
    public record Failure(String file, int line, String sql, String message) {}

    public FileReport(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    void passed() {
        executed++;
        passed++;
    }

    void failed(FailureCause cause, Failure failure) {
        executed++;
        failures.merge(cause, 1L, Long::sum);
        List<Failure> kept = examples.computeIfAbsent(cause, key -> new ArrayList<>());
        if (kept.size() < EXAMPLES_PER_CAUSE) {
            kept.add(failure);
        }
        messages.computeIfAbsent(cause, key -> new HashMap<>()).merge(messageShape(failure.message()), 1L, Long::sum);
    }

    /** Adds another report's counts into this one (examples only while there is room). */
    public void add(FileReport other) {
        executed += other.executed;
        passed += other.passed;
        other.failures.forEach((cause, count) -> failures.merge(cause, count, Long::sum));
        other.examples.forEach((cause, list) -> {
            List<Failure> kept = examples.computeIfAbsent(cause, key -> new ArrayList<>());
            for (Failure failure : list) {
                if (kept.size() < EXAMPLES_PER_CAUSE) {
                    kept.add(failure);
                }
            }
        });
        other.messages.forEach((cause, counts) -> counts.forEach((message, count) ->
                messages.computeIfAbsent(cause, key -> new HashMap<>()).merge(message, count, Long::sum)));
    }

    public long executed() {
        return executed;
    }

    public long passedCount() {
        return passed;
    }

    public long failures(FailureCause cause) {
        return failures.getOrDefault(cause, 0L);
    }

    public List<Failure> examples(FailureCause cause) {
        return List.copyOf(examples.getOrDefault(cause, List.of()));
    }

    /** Error messages with names and numbers blanked out, most frequent first. */
    public List<Map.Entry<String, Long>> commonMessages(FailureCause cause, int limit) {
        return messages.getOrDefault(cause, Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .toList();
    }

    public double passRate() {
        return executed == 0 ? 0 : 100.0 * passed / executed;
    }

    /**
     * Groups messages that differ only in the names or numbers they quote, so "column "x" does not
     * exist" counts once however many columns hit it. Wrong results are all alike: one shape.
     */
    private static String messageShape(String message) {
        if (message.startsWith("expected an error") || message.matches("expected \\d+ columns.*")) {
            return message.replaceAll("\\d+", "N");
        }
        if (message.startsWith("expected ") || message.startsWith("label ")) {
            return "wrong values";
        }
        String shape = message.replaceAll("\"[^\"]*\"", "\"...\"").replaceAll("\\d+", "N");
        return shape.length() > 120 ? shape.substring(0, 120) : shape;
    }
}

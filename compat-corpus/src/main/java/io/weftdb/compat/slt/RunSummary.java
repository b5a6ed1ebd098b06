package io.weftdb.compat.slt;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Totals over many file reports: per folder, overall, and failures by cause with examples. */
public final class RunSummary {
    private static final int COMMON_MESSAGES = 8;

    private final List<FileReport> reports;

    public RunSummary(List<FileReport> reports) {
        this.reports = List.copyOf(reports);
    }

    public FileReport total() {
        FileReport total = new FileReport("total");
        reports.forEach(total::add);
        return total;
    }

    /** Reports merged by folder ("evidence", "random/expr"); files at the top level group as "select". */
    public Map<String, FileReport> byFolder() {
        Map<String, FileReport> groups = new LinkedHashMap<>();
        for (FileReport report : reports) {
            int slash = report.name().lastIndexOf('/');
            String folder = slash < 0 ? "select" : report.name().substring(0, slash);
            groups.computeIfAbsent(folder, FileReport::new).add(report);
        }
        return groups;
    }

    public void print(PrintStream out) {
        out.println();
        out.printf("%-22s %9s %9s %7s", "folder", "executed", "passed", "rate");
        for (FailureCause cause : FailureCause.values()) {
            out.printf(" %10s", abbreviation(cause));
        }
        out.println();
        byFolder().values().forEach(report -> printRow(out, report));
        FileReport total = total();
        printRow(out, total);
        for (FailureCause cause : FailureCause.values()) {
            if (total.failures(cause) == 0) {
                continue;
            }
            out.printf("%n%s: %d%n", cause, total.failures(cause));
            for (Map.Entry<String, Long> message : total.commonMessages(cause, COMMON_MESSAGES)) {
                out.printf("  %7d  %s%n", message.getValue(), message.getKey());
            }
            for (FileReport.Failure failure : total.examples(cause)) {
                out.printf("  e.g. %s:%d  %s%n        -> %s%n", failure.file(), failure.line(), failure.sql(),
                        failure.message());
            }
        }
    }

    private static void printRow(PrintStream out, FileReport report) {
        out.printf("%-22s %9d %9d %6.1f%%", report.name(), report.executed(), report.passedCount(), report.passRate());
        for (FailureCause cause : FailureCause.values()) {
            out.printf(" %10d", report.failures(cause));
        }
        out.println();
    }

    /** Column headings short enough for the table. */
    private static String abbreviation(FailureCause cause) {
        return switch (cause) {
            case PARSE_ERROR -> "parse";
            case UNSUPPORTED_FEATURE -> "unsupported";
            case TIMEOUT -> "timeout";
            case OTHER_ERROR -> "error";
            case INTERNAL_ERROR -> "internal";
            case WRONG_RESULT -> "wrong";
        };
    }
}

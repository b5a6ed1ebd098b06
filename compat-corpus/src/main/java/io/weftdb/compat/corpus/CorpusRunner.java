package io.weftdb.compat.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs corpus files on targets, each file in its own session on a fresh database, and judges every case. */
public final class CorpusRunner {
    private final ConnectionSource source;
    private final boolean honourMarkers;

    public CorpusRunner(ConnectionSource source) {
        this(source, true);
    }

    /**
     * @param honourMarkers false to judge every case by its answer alone (a reference database runs
     *     the corpus: expected-fail markers describe WeftDB's gaps, not its)
     */
    public CorpusRunner(ConnectionSource source, boolean honourMarkers) {
        this.source = source;
        this.honourMarkers = honourMarkers;
    }

    /** Every file on every target that runs its folder, in file then target order. */
    public List<CaseResult> run(List<CorpusFile> files, List<Target> targets) {
        List<CaseResult> results = new ArrayList<>();
        for (CorpusFile file : files) {
            for (Target target : targets) {
                if (target.runs(file.scope())) {
                    results.addAll(run(file, target));
                }
            }
        }
        return results;
    }

    public List<CaseResult> run(CorpusFile file, Target target) {
        List<CaseResult> results = new ArrayList<>();
        try (CorpusConnection connection = source.open(target, file)) {
            for (CorpusRecord record : file.records()) {
                results.add(judge(file, target, record, RecordChecker.mismatch(record, connection.run(record.sql()))));
            }
        } catch (Exception e) {
            // No session at all: every case of the file fails with the reason.
            String reason = "could not run the file: " + e;
            results.clear();
            for (CorpusRecord record : file.records()) {
                results.add(judge(file, target, record, Optional.of(reason)));
            }
        }
        return results;
    }

    private CaseResult judge(CorpusFile file, Target target, CorpusRecord record, Optional<String> mismatch) {
        Optional<ExpectedFailure> expected = record.expectedFailure().filter(failure -> honourMarkers && failure.appliesTo(target));
        if (expected.isPresent()) {
            return mismatch.isPresent()
                    ? new CaseResult(file.name(), record.line(), target, CaseResult.Status.EXPECTED_FAILURE, expected.get().reason())
                    : new CaseResult(file.name(), record.line(), target, CaseResult.Status.UNEXPECTED_PASS, expected.get().reason());
        }
        return mismatch.map(why -> new CaseResult(file.name(), record.line(), target, CaseResult.Status.FAILED, why))
                .orElseGet(() -> new CaseResult(file.name(), record.line(), target, CaseResult.Status.PASSED, ""));
    }
}

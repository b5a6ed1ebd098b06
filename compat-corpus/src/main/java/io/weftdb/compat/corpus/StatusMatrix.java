package io.weftdb.compat.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The corpus results as feature x target counts, plus the cases that did not simply pass. Built
 * only from the results, in corpus order, so the same results always give the same matrix.
 */
public record StatusMatrix(List<Target> targets, List<Feature> features, List<CaseResult> notPassed) {

    /** One corpus file's row. */
    public record Feature(String name, String file, Map<Target, TargetCounts> counts) {
        public Feature {
            Map<Target, TargetCounts> copy = new EnumMap<>(Target.class);
            copy.putAll(counts);
            counts = Collections.unmodifiableMap(copy);
        }
    }

    public StatusMatrix {
        targets = List.copyOf(targets);
        features = List.copyOf(features);
        notPassed = List.copyOf(notPassed);
    }

    public static StatusMatrix of(List<CorpusFile> files, List<Target> targets, List<CaseResult> results) {
        Map<String, Map<Target, TargetCounts>> byFile = new LinkedHashMap<>();
        for (CorpusFile file : files) {
            byFile.put(file.name(), new EnumMap<>(Target.class));
        }
        List<CaseResult> notPassed = new ArrayList<>();
        for (CaseResult result : results) {
            byFile.get(result.file()).merge(result.target(), TargetCounts.NONE.plus(result.status()), TargetCounts::plus);
            if (result.status() != CaseResult.Status.PASSED) {
                notPassed.add(result);
            }
        }
        List<Feature> features = new ArrayList<>();
        for (CorpusFile file : files) {
            features.add(new Feature(file.scope().folder() + "/" + file.feature(), file.name(), byFile.get(file.name())));
        }
        return new StatusMatrix(targets, features, notPassed);
    }

    public TargetCounts total(Target target) {
        TargetCounts total = TargetCounts.NONE;
        for (Feature feature : features) {
            total = total.plus(feature.counts().getOrDefault(target, TargetCounts.NONE));
        }
        return total;
    }
}

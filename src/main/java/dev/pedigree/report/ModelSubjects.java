package dev.pedigree.report;

import dev.pedigree.model.open.Model;

/** An opened model as the subject of a report: its name as given, format, declared lineage and (optionally) content digest. */
public final class ModelSubjects {
    private ModelSubjects() {
    }

    /** @param withDigest hash every file of the model (or read the digest cache) */
    public static Subject of(Model model, String role, boolean withDigest) {
        return of(model.source().spec(), model, role, withDigest);
    }

    /** The same, under the name the report knows the model by. */
    public static Subject of(String name, Model model, String role, boolean withDigest) {
        return new Subject(name, role, model.source().format().label(), withDigest ? model.digest().sha256() : null,
                DeclaredLineageSummary.of(model.declaredLineage()));
    }
}

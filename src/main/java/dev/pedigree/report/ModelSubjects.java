package dev.pedigree.report;

import dev.pedigree.model.open.Model;
import dev.pedigree.model.open.ModelDescription;

/** A model as the subject of a report: its name, format, declared lineage, (optionally) content digest and spec. */
public final class ModelSubjects {
    private ModelSubjects() {
    }

    /**
     * An opened model, named by its spec.
     *
     * @param withDigest hash every file of the model (or read the digest cache)
     */
    public static Subject of(Model model, String role, boolean withDigest) {
        return of(model.source().spec(), role, model.describe(withDigest));
    }

    /** A described model, under the name the report knows it by. */
    public static Subject of(String name, String role, ModelDescription d) {
        return new Subject(name, role, d.format(), d.digest(), d.declared() == null ? null : DeclaredLineageSummary.of(d.declared()), d.spec());
    }
}

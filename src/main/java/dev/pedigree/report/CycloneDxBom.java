package dev.pedigree.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Ancestors;
import org.cyclonedx.model.Annotation;
import org.cyclonedx.model.Annotator;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.BomReference;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Pedigree;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.Variants;
import org.cyclonedx.model.component.ModelCard;
import org.cyclonedx.model.component.modelCard.ModelParameters;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * A {@link Report} as a CycloneDX 1.6 ML-BOM (JSON): the target is the BOM's
 * {@code machine-learning-model} component, with its content digest as a SHA-256 hash; verified
 * ancestors go in {@code pedigree.ancestors}, related models whose direction is unknown in
 * {@code pedigree.variants}, declared-but-unverified parents in {@code pedigree.notes}; the verdict,
 * p-value, α and permutations are properties and an annotation by pedigree.
 */
public final class CycloneDxBom {
    /** The namespace of our property names (CycloneDX property taxonomy: a vendor prefix). */
    static final String PREFIX = "pedigree:";

    private CycloneDxBom() {
    }

    public static String render(Report r) {
        try {
            return BomGeneratorFactory.createJson(Version.VERSION_16, bom(r)).toJsonString() + "\n";
        } catch (GeneratorException e) {
            throw new IllegalStateException("the CycloneDX library could not write the BOM", e);
        }
    }

    static Bom bom(Report r) {
        Subject target = r.target();
        ReportSummary summary = ReportSummary.of(r);
        Bom bom = new Bom();
        // the same report gives the same serial number: a BOM is identified by what it says
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(ReportJson.render(r).getBytes(StandardCharsets.UTF_8)));
        bom.setVersion(1);
        Metadata metadata = new Metadata();
        Date created = Date.from(Instant.parse(r.createdAt()));
        metadata.setTimestamp(created);
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool(r)));
        metadata.setToolChoice(tools);
        Component model = model(target, "model:" + target.name());
        for (Property p : summaryProperties(r, summary)) {
            model.addProperty(p);
        }
        model.setPedigree(pedigree(r, target));
        if (r.inspect() != null) {
            describe(model, r.inspect());
        }
        metadata.setComponent(model);
        bom.setMetadata(metadata);

        Annotation annotation = new Annotation();
        annotation.setBomRef("annotation:pedigree-" + r.job());
        annotation.setSubjects(List.of(new BomReference(model.getBomRef())));
        Annotator annotator = new Annotator();
        annotator.setComponent(tool(r));
        annotation.setAnnotator(annotator);
        annotation.setTimestamp(created);
        annotation.setText(summary.text());
        bom.setAnnotations(List.of(annotation));
        return bom;
    }

    private static Component tool(Report r) {
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("pedigree");
        tool.setVersion(r.environment().toolVersion());
        return tool;
    }

    private static Component model(Subject s, String bomRef) {
        Component c = new Component();
        c.setType(Component.Type.MACHINE_LEARNING_MODEL);
        c.setBomRef(bomRef);
        c.setName(s.name());
        if (s.digest() != null) {
            c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, s.digest())));
            c.addProperty(property("digest_method", "sha256 over the per-file sha256 digests in path order (OpenSSF model signing)"));
        }
        if (s.format() != null) {
            c.addProperty(property("format", s.format()));
        }
        c.addProperty(property("role", s.role()));
        if (s.spec() != null) {
            c.addProperty(property("spec", s.spec()));
        }
        for (String base : s.declared().baseModels()) {
            c.addProperty(property("declared.base_model", base));
        }
        if (s.declared().relation() != null) {
            c.addProperty(property("declared.base_model_relation", s.declared().relation()));
        }
        return c;
    }

    /** What inspect read from the model: the architecture as the model card's family, the size as properties. */
    private static void describe(Component model, InspectReport i) {
        if (i.architecture().modelType() != null) {
            ModelParameters parameters = new ModelParameters();
            parameters.setArchitectureFamily(i.architecture().modelType());
            ModelCard card = new ModelCard();
            card.setModelParameters(parameters);
            model.setModelCard(card);
        }
        model.addProperty(property("parameters", Long.toString(i.parameters())));
        for (InspectReport.DtypeShare d : i.dtypes()) {
            model.addProperty(property("dtype." + d.dtype(), Long.toString(d.parameters())));
        }
    }

    private static List<Property> summaryProperties(Report r, ReportSummary s) {
        List<Property> props = new ArrayList<>();
        props.add(property("job", r.job()));
        if (s.verdict() != null) {
            props.add(property("verdict", s.verdict()));
        }
        if (s.pValue() != null) {
            props.add(property("p_value", Numbers.p(s.pValue())));
        }
        if (s.alpha() != null) {
            props.add(property("alpha", Numbers.level(s.alpha())));
        }
        if (s.permutations() != null) {
            props.add(property("permutations", Integer.toString(s.permutations())));
        }
        r.seeds().forEach((what, seed) -> props.add(property("seed." + what, Long.toString(seed))));
        props.add(property("report_schema_version", Integer.toString(r.schemaVersion())));
        return props;
    }

    /** Ancestors (verified, direction known, into the target), variants (related, direction unknown), and notes on the declared rest. */
    private static Pedigree pedigree(Report r, Subject target) {
        Ancestors ancestors = new Ancestors();
        Variants variants = new Variants();
        List<String> notes = new ArrayList<>();
        for (LineageEdge e : r.lineage()) {
            boolean verified = e.status() == LineageEdge.Status.CONFIRMED || e.status() == LineageEdge.Status.UNDECLARED
                    || e.status() == LineageEdge.Status.FOUND;
            boolean touches = e.to().equals(target.name()) || e.from().equals(target.name());
            if (!touches) {
                continue;
            }
            String other = e.to().equals(target.name()) ? e.from() : e.to();
            if (verified && e.directionKnown() && e.to().equals(target.name())) {
                ancestors.addComponent(related(r, other, e));
            } else if (verified && !e.directionKnown()) {
                variants.addComponent(related(r, other, e));
            } else if (!verified) {
                notes.add("declared base " + other + ": " + e.status().label() + (e.pValue() == null ? "" : " (p = " + Numbers.p(e.pValue()) + ")"));
            }
        }
        Pedigree p = new Pedigree();
        if (ancestors.getComponents() != null && !ancestors.getComponents().isEmpty()) {
            p.setAncestors(ancestors);
        }
        if (variants.getComponents() != null && !variants.getComponents().isEmpty()) {
            p.setVariants(variants);
        }
        if (!notes.isEmpty()) {
            p.setNotes(String.join("; ", notes));
        }
        return p.getAncestors() == null && p.getVariants() == null && p.getNotes() == null ? null : p;
    }

    private static Component related(Report r, String name, LineageEdge e) {
        Subject s = r.subject(name);
        Component c = model(s == null ? new Subject(name, "declared", null, null, null) : s, "model:" + name);
        c.addProperty(property("lineage.status", e.status().label()));
        c.addProperty(property("lineage.relation", e.relation()));
        c.addProperty(property("lineage.evidence", String.join("+", e.evidence().stream().map(Evidence::label).toList())));
        if (e.pValue() != null) {
            c.addProperty(property("lineage.p_value", Numbers.p(e.pValue())));
        }
        return c;
    }

    private static Property property(String name, String value) {
        Property p = new Property();
        p.setName(PREFIX + name);
        p.setValue(value);
        return p;
    }
}

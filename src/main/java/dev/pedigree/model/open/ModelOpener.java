package dev.pedigree.model.open;

import dev.pedigree.model.ArchitectureSpec;
import dev.pedigree.model.TensorContainer;
import dev.pedigree.model.TensorStore;
import dev.pedigree.model.digest.ModelDigester;
import dev.pedigree.model.lineage.DeclaredLineage;
import dev.pedigree.model.lineage.DeclaredLineageReader;
import dev.pedigree.model.roles.RoleMap;
import dev.pedigree.model.source.ModelLocator;
import dev.pedigree.model.source.ModelSource;

/** Resolves a MODEL argument and opens it: source, then reader, then roles, into a {@link Model}. */
public final class ModelOpener {
    private final ModelLocator locator;
    private final FormatWiring wiring;

    public ModelOpener(ModelLocator locator, FormatWiring wiring) {
        this.locator = locator;
        this.wiring = wiring;
    }

    public Model open(String spec) {
        ModelSource source = locator.resolve(spec);
        TensorContainer container = wiring.reader(source.format()).open(source.weights());
        try {
            ArchitectureSpec architecture = wiring.architecture(container, source.configJson());
            RoleMap roles = wiring.roles(source.format(), architecture).assign(container, architecture);
            TensorStore store = new TensorStore(container, roles.views(), roles.assignment());
            DeclaredLineage lineage = DeclaredLineageReader.read(source.sibling("README.md"), source.sibling("adapter_config.json"),
                    container.metadata());
            ModelDigester digester = new ModelDigester(locator.environment().pedigreeCache());
            return new Model(source, architecture, store, lineage, () -> digester.digest(source.files().stream()
                    .map(f -> new ModelDigester.Entry(f.relativePath(), f.path())).toList()));
        } catch (RuntimeException e) {
            container.close();
            throw e;
        }
    }
}

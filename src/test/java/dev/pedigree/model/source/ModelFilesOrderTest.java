package dev.pedigree.model.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFilesOrderTest {
    @Test
    void sortsLikePythonPurePosixPath() {
        // python3 -c "from pathlib import PurePosixPath as P; print([str(p) for p in sorted(map(P, ['tok-z.json','tok/x.json','a','B','a/b/c','a.b','é']))])"
        // ['B', 'a', 'a/b/c', 'a.b', 'tok/x.json', 'tok-z.json', 'é']
        List<String> names = new ArrayList<>(List.of("tok-z.json", "tok/x.json", "a", "B", "a/b/c", "a.b", "é"));
        names.sort(ModelFilesOrder::compare);
        assertEquals(List.of("B", "a", "a/b/c", "a.b", "tok/x.json", "tok-z.json", "é"), names);
        assertTrue(ModelFilesOrder.compare("x", "x") == 0);
    }
}

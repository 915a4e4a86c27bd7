package dev.pedigree.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportTableRendererTest {
    @Test
    void everySectionOfTheMergedReportIsPrinted() {
        String t = ReportTableRenderer.render(ReportFixtures.mergedSetReport());
        assertTrue(t.contains("hf:acme/chat-7b-ft declares acme/base-7b, acme/tokenizer-donor (finetune)"), t);
        assertTrue(t.contains("confirmed     hf:acme/base-7b -> hf:acme/chat-7b-ft  [declared+weights+black-box, p = 1.20e-09]"), t);
        assertTrue(t.contains("undeclared    /models/other-7b -> hf:acme/chat-7b-ft"), t);
        assertTrue(t.contains("error   PDG001 undeclared"), t);
        assertTrue(t.contains("weights (WVC)              0.9100                   median matched cosine 0.9980"), t);
        assertTrue(t.contains("provenance set of hf:acme/chat-7b-ft (method mps, alpha 0.05): hf:acme/base-7b, /models/other-7b"), t);
        assertTrue(t.contains("R = 999 permutations"), t);
        assertTrue(t.contains("distances (token, 200 prompts"), t);
        assertTrue(t.contains("pedigree 0.1.0-test, report schema 1"), t);
        assertTrue(t.contains("seeds {permutations=7, weight_compare=42}"), t);
    }

    @Test
    void aReportWithoutDeclaredLineageSaysSo() {
        Report r = Report.builder("inspect").subject(new Subject("/m/x", "model", null, null, null)).build();
        String t = ReportTableRenderer.render(r);
        assertTrue(t.contains("no model declares a base model"), t);
        assertTrue(t.contains("findings: none"), t);
    }
}

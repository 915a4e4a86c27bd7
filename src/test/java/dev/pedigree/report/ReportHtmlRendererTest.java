package dev.pedigree.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pedigree.stats.ProvenanceMethod;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report as a browser shows it: headless chromium parses it, lays it out and takes a screenshot. */
class ReportHtmlRendererTest {
    @TempDir
    Path tmp;

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The element with {@code id} up to its matching closing tag (tables nest: the layer details sit inside the signal table). */
    private static String element(String dom, String tag, String id) {
        int start = dom.indexOf("<" + tag + " id=\"" + id + "\"");
        assertTrue(start >= 0, "no <" + tag + " id=\"" + id + "\"> in the DOM");
        Matcher m = Pattern.compile("<(/?)" + tag + "[\\s>]").matcher(dom);
        int depth = 0;
        for (m.region(start, dom.length()); m.find(); ) {
            depth += m.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return dom.substring(start, m.start());
            }
        }
        return org.junit.jupiter.api.Assertions.fail("<" + tag + " id=\"" + id + "\"> is not closed");
    }

    @Test
    void theMergedReportHasEveryFigureInTheRenderedDom() throws Exception {
        Report r = ReportFixtures.mergedSetReport();
        Path html = tmp.resolve("report.html");
        Files.writeString(html, ReportHtmlRenderer.render(r));
        String dom = HeadlessChromium.find(tmp).dumpDom(html);

        String signals = element(dom, "table", "signal-table");
        assertEquals(2, count(signals, "<tbody class=\"pair\">"), "one block per weight comparison");
        assertTrue(signals.contains("identity 0.9500") && signals.contains("median matched cosine 0.9980"), "MPK's numbers beside ours");
        assertEquals(5 + 2, count(signals, "<span class=\"bar mpk\">"), "a bar for every MPK number on a 0-1 scale");

        String steps = element(dom, "svg", "step-chart");
        assertEquals(r.provenanceSet().steps().size(), count(steps, "<circle class=\"step\""));
        assertEquals(1, count(steps, "class=\"alpha\""));
        assertTrue(steps.contains("α = 0.05"));

        String distances = element(dom, "svg", "distance-chart");
        assertEquals(3, count(distances, "<g class=\"box\">"));

        String graph = element(dom, "svg", "lineage-graph");
        assertEquals(r.lineage().size(), count(graph, "<g class=\"edge "));
        assertEquals(1, count(graph, "<g class=\"edge confirmed\">"));
        assertEquals(1, count(graph, "<g class=\"edge undeclared\">"));
        assertEquals(1, count(graph, "<g class=\"edge declared-only\">"));
        assertEquals(5, count(graph, "<g class=\"node\">"), "four models and the declared base that was not among them");

        String declared = element(dom, "table", "declared-vs-verified");
        assertEquals(3, count(declared, "<span class=\"st "));
        String findings = element(dom, "table", "findings");
        assertEquals(r.findings().size(), count(findings, "<span class=\"sev "));
        assertTrue(dom.contains("id=\"run\"") && dom.contains("seeds:"));
        assertFalse(dom.contains("<script"), "no script");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(dom).find(), "nothing fetched");
    }

    @Test
    void bothSetsAreChartedAndEveryDifferenceExplainedInTheRenderedDom() throws Exception {
        Report r = ProvenanceSetsTest.comparedSetsReport("target-all-minilm-l6-v2-q.csv", ProvenanceMethod.CALIBRATED);
        Path html = tmp.resolve("sets.html");
        Files.writeString(html, ReportHtmlRenderer.render(r));
        String dom = HeadlessChromium.find(tmp).dumpDom(html);

        ProvenanceSetSection s = r.provenanceSet();
        assertEquals(s.steps().size(), count(element(dom, "svg", "step-chart"), "<circle class=\"step\""));
        assertEquals(s.beside().steps().size(), count(element(dom, "svg", "step-chart-beside"), "<circle class=\"step\""));
        assertEquals(1, count(element(dom, "table", "provenance-set"), "<code>"), "the calibrated set: the twin alone");
        assertEquals(5, count(element(dom, "table", "provenance-set-beside"), "<code>"), "the paper's set: five of six");
        assertTrue(dom.contains("id=\"beside-set\"") && dom.contains("paper-faithful method (mps)"));
        assertTrue(dom.contains("id=\"calibration-background\""));
        String differences = element(dom, "table", "set-differences");
        assertEquals(s.explanations().size(), count(differences, "<tr[ >]") - 1, "a row per candidate under the header");
        assertEquals(4, count(differences, "<tr class=\"differs\">"), "the four encoders only the paper's set takes");
        for (ProvenanceSetSection.Explanation e : s.explanations()) {
            assertTrue(differences.contains("<code>" + e.model() + "</code>"), e.model());
        }
        assertTrue(differences.contains("paper-faithful set only"));
    }

    @Test
    void theScreenshotShowsChartsNotABlankPage() throws Exception {
        Path html = tmp.resolve("report.html");
        Files.writeString(html, ReportHtmlRenderer.render(ReportFixtures.mergedSetReport()));
        Path png = tmp.resolve("report.png");
        HeadlessChromium.find(tmp).screenshot(html, png, 1280, 2000);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1280, img.getWidth());
        assertEquals(2000, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        int green = 0;
        int red = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (r + g + b < 600) {
                    ink++;
                }
                if (g > r + 40 && g > b + 20) {
                    green++;
                }
                if (r > g + 80 && r > b + 80) {
                    red++;
                }
            }
        }
        double inkShare = ink / (img.getWidth() * img.getHeight() / 4.0);
        assertTrue(colours.size() > 200, "only " + colours.size() + " distinct colours: the page did not render its figures");
        assertTrue(inkShare > 0.03, "only " + inkShare + " of the page is not background");
        assertTrue(green > 200, "the set members and confirmed edge are drawn green: " + green + " pixels");
        assertTrue(red > 200, "alpha line, undeclared edge and error badge are drawn red: " + red + " pixels");
    }

    @Test
    void inspectReportRendersWithoutTheSectionsItDoesNotHave() throws Exception {
        String html = ReportHtmlRenderer.render(ReportFixtures.inspectReport());
        assertTrue(html.contains("id=\"lineage-graph\""));
        assertTrue(html.contains("id=\"declared-vs-verified\""));
        assertFalse(html.contains("id=\"step-chart\""));
        assertFalse(html.contains("id=\"signal-table\""));
        assertTrue(html.contains("declared-only"));
    }

    @Test
    void modelNamesAreEscaped() {
        Report r = Report.builder("inspect").subject(new Subject("/m/<script>alert(1)</script>", "model", null, null, null)).build();
        String html = ReportHtmlRenderer.render(r);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;"));
    }
}

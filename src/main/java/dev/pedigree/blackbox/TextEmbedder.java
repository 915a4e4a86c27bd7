package dev.pedigree.blackbox;

import java.util.List;

/** A model that maps a text to one vector (a sentence embedding). */
public interface TextEmbedder extends QueryableModel {
    /** One vector per text, in order; all of the same width. */
    float[][] embed(List<String> texts);
}

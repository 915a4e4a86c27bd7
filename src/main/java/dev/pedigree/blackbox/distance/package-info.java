/**
 * Per-prompt distances between a target's and a candidate's outputs ({@code mps.md}): token,
 * semantic, distribution, representation, and centred-logits (issue 9). Each is a
 * {@link dev.pedigree.blackbox.distance.PromptDistance}: the target side is prepared once, each
 * candidate then costs only its own (cached) queries.
 */
package dev.pedigree.blackbox.distance;

/**
 * The eight signals of Cisco's Model Provenance Kit, reproduced exactly so that our numbers can stand
 * beside theirs on the same models. They are reported, never used for our verdict.
 */
package dev.pedigree.signals.mpk;

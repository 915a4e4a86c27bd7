/** Renderings of results for people (tables) and programs (JSON); results are computed elsewhere. */
package dev.pedigree.report;

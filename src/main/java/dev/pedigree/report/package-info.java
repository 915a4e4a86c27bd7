/**
 * Report data and its renderings. A report is a plain record built from opened models (data flows
 * source, reader, store, report, renderer); renderers turn it into a table or JSON for stdout and
 * hold no logic of their own beyond layout.
 */
package dev.pedigree.report;

/** Test support shared across packages: locating reference data and real-model fixtures, validating outputs against official JSON schemas. */
package dev.pedigree.testing;

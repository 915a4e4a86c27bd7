/** Test support shared across packages: locating reference data, real-model fixtures, function-preserving re-orderings. */
package dev.pedigree.testing;

/**
 * Test support shared across packages: locating reference data, real-model fixtures,
 * function-preserving re-orderings, validating outputs against official JSON schemas.
 */
package dev.pedigree.testing;

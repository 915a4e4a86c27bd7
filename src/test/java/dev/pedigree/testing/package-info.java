/** Test support shared across packages: locating reference data and real-model fixtures, in-memory and synthetic models. */
package dev.pedigree.testing;

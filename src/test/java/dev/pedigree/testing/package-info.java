/** Test support shared across packages: locating reference data and real-model fixtures */
package dev.pedigree.testing;

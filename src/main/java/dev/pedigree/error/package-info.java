/** The error types that cross package boundaries and decide the command line's exit code. */
package dev.pedigree.error;

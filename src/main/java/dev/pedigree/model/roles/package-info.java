/** Explicit per-architecture and per-format maps from stored tensor names to roles and layers. */
package dev.pedigree.model.roles;

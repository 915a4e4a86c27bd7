/**
 * The on-disk cache of model outputs ({@link dev.pedigree.blackbox.cache.OutputCache}): keyed by what
 * decides the answers, written in atomically moved chunks so runs resume and repeat for free.
 */
package dev.pedigree.blackbox.cache;

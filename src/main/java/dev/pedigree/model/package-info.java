/**
 * Models as pedigree reads them: the one {@link dev.pedigree.model.TensorStore} view over any format,
 * the tensors' roles, the declared architecture, and the reader contract. Sub-packages hold one reader
 * per format, the role maps, and the sources that turn a user's MODEL argument into local files.
 */
package dev.pedigree.model;

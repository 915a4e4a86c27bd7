/** The ONNX reader: protobuf wire parsing of initialisers, constants, external data and quantised weights. */
package dev.pedigree.model.onnx;

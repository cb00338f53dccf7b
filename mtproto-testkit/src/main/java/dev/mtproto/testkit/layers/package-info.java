/**
 * Serving clients of other API layers: {@link dev.mtproto.testkit.layers.ApiLayers} finds the schema file
 * of each layer, reads it at run time with the generator's parser into a
 * {@link dev.mtproto.testkit.layers.LayerSchema}, and re-encodes between that layer and the generated
 * classes' by constructor name; the same schema reads and writes any object of its layer as a
 * {@link dev.mtproto.testkit.layers.GenericObject}. See {@code docs/testing.md}, "Clients of other layers".
 */
package dev.mtproto.testkit.layers;

/** An {@code Observation} per RPC call ({@code mtproto.client.requests}), its convention and documentation. */
@NullMarked
package dev.mtproto.spring.observation;

import org.jspecify.annotations.NullMarked;

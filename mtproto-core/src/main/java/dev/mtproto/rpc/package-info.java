/**
 * Errors the server returns for calls ({@code rpc_error}), as {@link dev.mtproto.rpc.RpcException} and
 * its subclasses for the errors that need different handling.
 */
package dev.mtproto.rpc;

package dev.mtproto.spring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations of this starter and their keys. */
public enum MtprotoObservationDocumentation implements ObservationDocumentation {

    /** One RPC call of a client, from the moment it is made until its outcome, retries after flood waits and DC migrations included. */
    CLIENT_REQUESTS {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultMtprotoClientObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return RequestLowCardinalityKeys.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return RequestHighCardinalityKeys.values();
        }
    };

    /** The keys of {@link #CLIENT_REQUESTS} that become meter tags. */
    public enum RequestLowCardinalityKeys implements KeyName {
        /** Always {@code mtproto}. */
        RPC_SYSTEM {
            @Override
            public String asString() {
                return "rpc.system";
            }
        },
        /** The TL name of the function ({@code messages.sendMessage}). */
        RPC_METHOD {
            @Override
            public String asString() {
                return "rpc.method";
            }
        },
        /** How it ended: {@code success}, {@code rpc_error}, {@code flood_wait}, {@code timeout}, {@code cancelled}, {@code disconnected}, {@code error}. */
        OUTCOME {
            @Override
            public String asString() {
                return "outcome";
            }
        },
        /** The RPC error code ({@code 400}, {@code 420}...), or {@code none}. */
        RPC_ERROR_CODE {
            @Override
            public String asString() {
                return "rpc.error_code";
            }
        },
        /** The RPC error's name with its number taken out ({@code FLOOD_WAIT}, {@code PEER_ID_INVALID}), or {@code none}. */
        ERROR_NAME {
            @Override
            public String asString() {
                return "mtproto.error";
            }
        },
        /** The DC the call was made for. */
        DC {
            @Override
            public String asString() {
                return "mtproto.dc";
            }
        },
        /** The account's name. */
        ACCOUNT {
            @Override
            public String asString() {
                return "mtproto.account";
            }
        }
    }

    /** The keys of {@link #CLIENT_REQUESTS} for spans only. */
    public enum RequestHighCardinalityKeys implements KeyName {
        /** The call's number within its client. */
        CALL_ID {
            @Override
            public String asString() {
                return "mtproto.call_id";
            }
        }
    }
}

package dev.mtproto.keyexchange;

/** Which {@code P_Q_inner_data} constructor a client sent in {@code req_DH_params}. */
public enum PqInnerDataForm {
    /** {@code p_q_inner_data_dc}: permanent key, with the DC id (current clients). */
    DC("p_q_inner_data_dc"),
    /** {@code p_q_inner_data_temp_dc}: temporary key, with the DC id (current clients). */
    TEMP_DC("p_q_inner_data_temp_dc"),
    /** {@code p_q_inner_data}: permanent key without a DC id (old clients). */
    NO_DC("p_q_inner_data"),
    /** {@code p_q_inner_data_temp}: temporary key without a DC id (old clients). */
    TEMP_NO_DC("p_q_inner_data_temp");

    private final String tlName;

    PqInnerDataForm(String tlName) {
        this.tlName = tlName;
    }

    /**
     * Returns the TL constructor name.
     *
     * @return for example {@code "p_q_inner_data_dc"}
     */
    public String tlName() {
        return tlName;
    }
}

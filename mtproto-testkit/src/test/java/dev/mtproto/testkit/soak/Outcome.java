package dev.mtproto.testkit.soak;

/** How one call of the soak ended, as its caller saw it. */
enum Outcome {
    /** It returned its result. */
    COMPLETED,
    /** It failed with a typed error saying it did not run. */
    FAILED_NOT_RUN,
    /** It failed with a typed error saying it may have run. */
    FAILED_MAY_HAVE_RUN,
    /** It failed with an error that does not say whether it ran: a bug. */
    FAILED_UNTYPED,
    /** Its future was still pending after its deadline and the grace: a bug. */
    HUNG
}

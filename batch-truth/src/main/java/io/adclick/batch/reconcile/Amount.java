package io.adclick.batch.reconcile;

/** Billable clicks and their spend, as one side counts them or as a signed difference. */
public record Amount(long clicks, long spendMicros) {
    public static final Amount ZERO = new Amount(0, 0);

    public Amount plus(Amount other) {
        return new Amount(Math.addExact(clicks, other.clicks), Math.addExact(spendMicros, other.spendMicros));
    }

    public Amount minus(Amount other) {
        return new Amount(Math.subtractExact(clicks, other.clicks), Math.subtractExact(spendMicros, other.spendMicros));
    }

    public boolean isZero() {
        return clicks == 0 && spendMicros == 0;
    }
}

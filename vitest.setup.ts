import fc from 'fast-check';

// Property tests run on a fixed seed so a CI run is repeatable; set FC_SEED to explore other inputs
// (fast-check prints the seed and the counterexample of any failure, to pin it as an example test).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });

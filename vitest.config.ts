import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The mutation sweep runs thousands of checks; give slow CI machines room without timing anything.
    testTimeout: 60_000,
  },
});

export * from '@spark/test-utils/queue';

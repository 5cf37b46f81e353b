export * from '@spark/test-utils/responder';

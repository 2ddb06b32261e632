// Imported dynamically by simulate-on-redis.ts: the application layer (TypeORM, BullMQ) loads only
// when --workers is given. A static import here lets the build rewrite the path alias.
export { simulateOnRedis } from '@sandbridge/application';

import 'reflect-metadata';
import { type AddressInfo } from 'node:net';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Baseline (a) of npm run bench:api: the stack's floor — Nest + Apollo on the Fastify adapter with one
 * constant resolver (`{ hello }`), no guard, pipe, context or plugin. Started by bench/api.ts as a
 * child process on 127.0.0.1, PORT (0: the OS picks one); prints "bare Nest + Apollo on <port>".
 */

@Resolver()
class HelloResolver {
  @Query(() => String)
  hello(): string {
    return 'world';
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      graphiql: false,
      includeStacktraceInErrorResponses: false,
    }),
  ],
  providers: [HelloResolver],
})
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), {
    logger: ['error', 'warn'],
  });
  app.enableShutdownHooks();
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  console.log(`bare Nest + Apollo on ${port}`);
}

main().catch((error) => {
  console.error('bare-nest-app failed:', error);
  process.exit(1);
});

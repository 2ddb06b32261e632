import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Page } from '@sandbridge/domain';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean)
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** `first` / `after` as every list takes them (docs/architecture.md#api-conventions). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'How many items (default 20, at most 100).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type for `node` (`XConnection` with `XEdge`). */
export function Connection<T>(node: Type<T>): Type<ConnectionShape<T>> {
  @ObjectType(`${node.name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}

/** Maps a domain page to a connection, converting each item with `map`. */
export function toConnection<E, T>(page: Page<E>, map: (item: E) => T): ConnectionShape<T> {
  return {
    edges: page.items.map((item, i) => ({ cursor: page.cursors[i], node: map(item) })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors[page.cursors.length - 1] ?? null,
    },
    totalCount: page.totalCount,
  };
}

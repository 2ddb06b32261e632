import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Readiness: answers 200 only while the database answers. */
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @HttpCode(HttpStatus.OK)
  async health(
    @Res({ passthrough: true }) reply: { status(code: number): unknown },
  ): Promise<{ status: string; database: string }> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'unavailable', database: 'down' };
    }
  }
}

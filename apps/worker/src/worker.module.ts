import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, CommonModule } from '@sandbridge/common';
import { SimulationWorkerService } from './simulation-worker.service.js';

/** The worker process: configuration and the queue consumer — no database, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CommonModule.forRoot(config)], providers: [SimulationWorkerService] };
  }
}

import { run } from '../bench/cli.bench';

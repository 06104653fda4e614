import { guardAndReloadSuite } from '../support/outcomeMatrix';

guardAndReloadSuite();

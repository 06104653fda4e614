import { badDaySuite } from '../support/outcomeMatrix';

badDaySuite('historyLag');
badDaySuite('emptyAck');

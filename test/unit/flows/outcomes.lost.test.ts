import { badDaySuite } from '../support/outcomeMatrix';

badDaySuite('lost');
badDaySuite('late50004');

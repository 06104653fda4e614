import { badDaySuite } from '../support/outcomeMatrix';

badDaySuite('lateTimeout');
badDaySuite('late5xx');

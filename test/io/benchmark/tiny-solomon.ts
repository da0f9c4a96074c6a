/**
 * A 4-customer Solomon-format instance, hand-checkable:
 *   route [1, 2]: 0 -5-> 1 (start 5, due 10) -5-> 2 (arrive 11, wait to 20) -10-> 0 at 31; load 9, length 20
 *   route [3]:    0 -10-> 3 -10-> 0 at 22; load 3, length 20
 *   route [4]:    0 -45-> 4 (start 45, due 60, service 5) -45-> 0 at 95 <= 100; load 1, length 90
 * so [[1, 2], [3], [4]] is feasible with length 130 and uses the whole fleet of 3.
 */
export const TINY_SOLOMON = `TINY

VEHICLE
NUMBER     CAPACITY
  3          10

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      0          0          0          0        100          0
    1      3          4          4          0         10          1
    2      6          8          5         20         30          1
    3      0         10          3          0         50          2
    4     45          0          1          0         60          5
`;

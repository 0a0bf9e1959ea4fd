/* alvh/alvh.h: umbrella header of the ALVH Calc core library. */
#ifndef ALVH_ALVH_H
#define ALVH_ALVH_H

#include "alvh/status.h"
#include "alvh/value.h"
#include "alvh/table.h"
#include "alvh/black.h"
#include "alvh/impvol.h"
#include "alvh/dates.h"
#include "alvh/indicators.h"
#include "alvh/market.h"
#include "alvh/policy.h"
#include "alvh/vixcurve.h"
#include "alvh/hedge.h"
#include "alvh/condor.h"
#include "alvh/scenario.h"
#include "alvh/chain.h"
#include "alvh/putspread.h"

#endif

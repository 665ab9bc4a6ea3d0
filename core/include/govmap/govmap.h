/*
 * govmap/govmap.h - the umbrella header of the govmap library.
 */
#ifndef GOVMAP_H
#define GOVMAP_H

#define GOVMAP_VERSION "0.2.0"

#include "common.h"
#include "model.h"
#include "registry.h"
#include "source.h"
#include "findings.h"
#include "report.h"

#endif

/* owner.c - the plan a file belongs to, and the paths of a plan's links.
 *
 * `shiryo check` is given whatever file a person has just edited: often an
 * actuals or PDCA file, not the plan.  Such a file cannot be checked alone
 * (its refs name the plan's indicators and pillars), but it says which plan
 * it belongs to (<actuals plan="ID">, <pdca plan="ID">), and that plan sits
 * in the same folder: plan_load_owner() finds it there and checks the two
 * together, as the build would read them.
 */
#include "load.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "diag.h"
#include "load_int.h"
#include "pdca.h"

char *load_sibling_path(const char *plan_path, const char *href)
{
	const char *slash = strrchr(plan_path, '/');
	size_t dir = !slash ? 0 : (size_t)(slash - plan_path) + 1;
	size_t n = dir + strlen(href) + 1;
	char *s = xmalloc(n);
	memcpy(s, plan_path, dir);
	memcpy(s + dir, href, strlen(href) + 1);
	return s;
}

/* The root element of a parsed file, when it is named name. */
static xmlNodePtr root_named(const struct xdoc *x, const char *name)
{
	xmlNodePtr root = x->doc ? xmlDocGetRootElement(x->doc) : NULL;
	return root && !strcmp((const char *)root->name, name) ? root : NULL;
}

/* A copy of attribute name of node, or NULL. */
static char *attr_dup(xmlNodePtr node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	char *s = v ? xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* Whether the plan at plan_path (its root given) links file through an
 * <actuals-file> or <pdca-file>. */
static bool plan_links(const char *plan_path, xmlNodePtr plan, const char *file)
{
	for (xmlNodePtr c = plan->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    (strcmp((const char *)c->name, "actuals-file") &&
		     strcmp((const char *)c->name, "pdca-file")))
			continue;
		char *href = attr_dup(c, "href");
		char *path = href ? load_sibling_path(plan_path, href) : NULL;
		bool linked = path && same_file(path, file);
		free(path);
		free(href);
		if (linked)
			return true;
	}
	return false;
}

/* The first plan file (by name) in file's folder whose id is id; *linked
 * says whether it links file.  NULL when there is none. */
static char *find_plan(const char *file, const char *id, bool *linked)
{
	const char *slash = strrchr(file, '/');
	/* "DIR/" before each name, or nothing in the current folder */
	char *dir = slash ? xstrndup(file, (size_t)(slash - file) + 1) : xstrdup("");
	struct dirent **names = NULL;
	int n = scandir(*dir ? dir : ".", &names, NULL, alphasort);
	char *found = NULL;
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		size_t len = strlen(name);
		char *path = NULL;
		if (!found && len > 4 && !strcmp(name + len - 4, ".xml")) {
			path = xmalloc(strlen(dir) + len + 1);
			strcpy(path, dir);
			strcat(path, name);
		}
		struct stat st;
		if (path && stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    !same_file(path, file)) {
			struct xdoc x;
			if (xdoc_read(&x, path) == 0) {
				xmlNodePtr plan = root_named(&x, "plan");
				char *pid = plan ? attr_dup(plan, "id") : NULL;
				if (pid && !strcmp(pid, id)) {
					found = path;
					path = NULL;
					*linked = plan_links(found, plan, file);
				}
				free(pid);
			}
			xdoc_release(&x);
		}
		free(path);
		free(names[i]);
	}
	free(names);
	free(dir);
	return found;
}

struct plan *plan_load_owner(const char *path, struct diag_list *dg, char **plan_path)
{
	*plan_path = NULL;
	struct xdoc x;
	if (xdoc_read(&x, path) != 0) {
		xdoc_flush(&x, dg);
		xdoc_release(&x);
		return NULL;
	}
	xmlNodePtr root = root_named(&x, "actuals");
	bool pdca = !root && (root = root_named(&x, "pdca")) != NULL;
	char *id = root ? attr_dup(root, "plan") : NULL;
	int line = 0, column = 0;
	if (root)
		xdoc_node_pos(&x, root, &line, &column);
	xdoc_release(&x);
	if (!root) /* a plan, or something plan_load() will name */
		return plan_load(path, dg);
	if (!id) {
		diag_add(dg, DIAG_ERROR, path, line, column,
			 "<%s> has no plan attribute: it names the id of the plan the "
			 "file belongs to", pdca ? "pdca" : "actuals");
		return NULL;
	}

	bool linked = false;
	char *owner = find_plan(path, id, &linked);
	if (!owner) {
		diag_add(dg, DIAG_ERROR, path, line, column,
			 "no plan with id '%s' in this file's folder: %s is checked "
			 "with its plan (check the plan, or put the file beside it)",
			 id, pdca ? "a PDCA file" : "an actuals file");
		free(id);
		return NULL;
	}
	free(id);
	struct plan *p = plan_load(owner, dg);
	/* A file the plan does not link is read as --actuals would read it;
	 * a linked one was read with the plan. */
	if (p && !linked &&
	    (pdca ? pdca_load(p, path, dg) : actuals_load_xml(p, path, dg)) != 0) {
		plan_free(p);
		p = NULL;
	}
	*plan_path = owner;
	return p;
}

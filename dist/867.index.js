export const id = 867;
export const ids = [867];
export const modules = {

/***/ 9867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchRelease: () => (/* binding */ fetchRelease)
/* harmony export */ });
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2095);
// Reads a release of the current repository through the GitHub API (input `release`). Octokit is
// imported only here, on demand, so a run without a lookup never loads it.

async function fetchRelease(lookup) {
    const [owner, repo] = lookup.repository.split('/');
    if (!owner || !repo)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)('release', 'needs GITHUB_REPOSITORY (owner/name) to know where to look');
    if (!lookup.token)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)('github-token', 'is empty; a release lookup needs a token with contents: read');
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const octokit = getOctokit(lookup.token, { baseUrl: lookup.apiUrl, request: { retries: 0 } });
    const byTag = () => octokit.rest.repos.getReleaseByTag({ owner, repo, tag: lookup.release });
    try {
        if (!/^\d+$/.test(lookup.release))
            return (await byTag()).data;
        try {
            return (await octokit.rest.repos.getRelease({ owner, repo, release_id: Number(lookup.release) })).data;
        }
        catch (error) {
            // A numeric name may be a tag rather than an id.
            if (statusOf(error) === 404)
                return (await byTag()).data;
            throw error;
        }
    }
    catch (error) {
        throw describeFailure(error, lookup);
    }
}
function statusOf(error) {
    const status = error.status;
    return typeof status === 'number' ? status : undefined;
}
function describeFailure(error, lookup) {
    const status = statusOf(error);
    if (status === 404)
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)('release', `no release "${lookup.release}" in ${lookup.repository}`);
    if (status === 401 || status === 403)
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)('github-token', `GitHub answered ${status} reading release "${lookup.release}": the token is invalid or lacks contents: read`);
    const reason = error instanceof Error ? error.message : String(error);
    return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)('release', `could not read release "${lookup.release}" from ${lookup.apiUrl}: ${reason}`);
}


/***/ })

};
